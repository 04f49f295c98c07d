/**
 * Response headers FC does not let a function set: FC drops them from what the function answers, whichever way it
 * answers (an FC 2.0 `response.setHeader`, an FC 3.0 `{statusCode, headers}`, a custom runtime's response).
 *
 * FC's HTTP function doc lists `connection`, `content-length`, `date`, `keep-alive`, `server`, `upgrade` and `x-fc-*`
 * (https://help.aliyun.com/document_detail/74757.html; fc-sim's reference runtime.md §4.1 and events.md; the
 * custom-container doc, runtime.md §5, lists the same but `upgrade`; the reference's corrections change none). `transfer-encoding` is not
 * in the doc, but FC reads the whole response before answering (no streaming, §4.1) and sends it with its own
 * `content-length`, so a function's `transfer-encoding` cannot reach the caller either.
 */
const RESERVED_RESPONSE_HEADERS = /^(connection|content-length|date|keep-alive|server|upgrade|transfer-encoding|x-fc-.*)$/i;

export function isReservedResponseHeader(name: string): boolean {
  return RESERVED_RESPONSE_HEADERS.test(name);
}
