// fmt's compiled part, built into custody_core instead of linked from Debian's libfmt.so (see
// cmake/Dependencies.cmake). Without FMT_HEADER_ONLY, format-inl.h defines fmt's out-of-line
// functions; the templates that fmt's headers declare `extern` are instantiated here.
#include <fmt/format-inl.h>

FMT_BEGIN_NAMESPACE
namespace detail {

template auto thousands_sep_impl<char>(locale_ref) -> thousands_sep_result<char>;
template auto decimal_point_impl(locale_ref) -> char;
template void buffer<char>::append(const char*, const char*);
template void vformat_to(buffer<char>&, string_view, basic_format_args<FMT_BUFFER_CONTEXT(char)>,
                         locale_ref);

} // namespace detail
FMT_END_NAMESPACE
