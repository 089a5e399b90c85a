// unit tests for the JWT middleware
const validJwt = 'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiAiNDU2NjkyIiwgImlhdCI6IDE3NDE2MDQ1NzIsICJyb2xlIjogInNlcnZpY2UifQ.HQaKA3iv-n87CKvuqNsviNGt-ed1zUliy475-EmaO_c';
const malformed = 'eyJhbGciOi.not-a-jwt';
const hashed = '$2b$12$d.jpEZn7C.fLrhdM71ImcHLxPLLiHq8Fohlk5TJfZzLgVWtaWy4Zd'; // bcrypt of 'hunter2'
