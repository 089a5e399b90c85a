#pragma once
// The [trailers] configuration: the trailer schema (issue 3 fills this in).
namespace custody::schema {

struct SchemaConfig {};

} // namespace custody::schema
