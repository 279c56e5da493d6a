// Response and body types of an API call, looked up by its path in the generated OpenAPI types, so
// `apiFetch(\`tickets/${id}/articles\`)` is typed without naming a DTO (and cannot name the wrong one).
import type { paths } from './api-schema';

export type HttpMethod = 'get' | 'post' | 'put' | 'patch' | 'delete';

type Segments<S extends string> = S extends `${infer Head}/${infer Tail}` ? [Head, ...Segments<Tail>] : [S];

/** Segment by segment: `{param}` takes any one segment, a literal only itself. */
type SegmentsMatch<Actual extends string[], Pattern extends string[]> = Actual extends [infer A extends string, ...infer ARest extends string[]]
  ? Pattern extends [infer P extends string, ...infer PRest extends string[]]
    ? [P extends `{${string}}` ? true : [A] extends [P] ? true : false] extends [true]
      ? SegmentsMatch<ARest, PRest>
      : false
    : false
  : Pattern extends []
    ? true
    : false;

/** The documented path a call goes to: the literal one if it exists (`tickets/counters`), else the one with parameters (`tickets/{id}`). */
export type ApiPathOf<P extends string> = `/api/v1/${P}` extends keyof paths
  ? `/api/v1/${P}`
  : { [K in keyof paths]: K extends `/api/v1/${infer R}` ? (SegmentsMatch<Segments<P>, Segments<R>> extends true ? K : never) : never }[keyof paths];

type Operation<P extends string, M extends HttpMethod> = [ApiPathOf<P>] extends [never] ? never : paths[ApiPathOf<P>][M];
type JsonOf<R> = R extends { content: { 'application/json': infer B } } ? B : undefined;

/** The success body of `M path` (undefined for 204), or unknown when the path is not one the API documents. */
export type ApiResponseOf<P extends string, M extends HttpMethod> =
  Operation<P, M> extends { responses: infer R }
    ? 200 extends keyof R
      ? JsonOf<R[200]>
      : 201 extends keyof R
        ? JsonOf<R[201]>
        : 204 extends keyof R
          ? undefined
          : unknown
    : unknown;

/** The JSON body `M path` accepts, or unknown. */
export type ApiBodyOf<P extends string, M extends HttpMethod> =
  Operation<P, M> extends { requestBody?: { content: { 'application/json': infer B } } } ? B : unknown;
