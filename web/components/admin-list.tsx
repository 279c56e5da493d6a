import 'server-only';
import type { ReactNode } from 'react';
import { Forbidden } from '@/components/forbidden';
import { loadList, pageFromSearchParams, type AdminListPageProps } from '@/lib/admin-lists';
import { AdminListPage } from './admin-list-page';

type Props<T, K extends string> = {
  /** The page's messages: title, caption and a label for each column. */
  texts: { title: string; caption: string } & Record<NoInfer<K>, string>;
  columns: readonly K[];
  /** The API's list, and the portal path the pager links to. */
  path: string;
  basePath: string;
  searchParams: AdminListPageProps['searchParams'];
  /** Names for ids in the cells, fetched alongside the list. */
  names?: Promise<Map<string, string>>;
  cells: (item: T, names: Map<string, string>, items: T[]) => Record<K, string>;
  /** The row's own page (linked from its first cell) and that link's accessible name. */
  link?: (item: T) => { href: string; label: string };
  actions?: ReactNode;
  before?: ReactNode;
  /** Filters sent to the API and kept by the pager. */
  filters?: Record<string, string | undefined>;
  /** What the pager links keep, when it differs from the API's filters (days rather than instants). */
  pagerQuery?: Record<string, string | undefined>;
};

/**
 * One page of an admin list. The page authorises before rendering it; the API checks again,
 * and its refusal becomes the forbidden message.
 */
export async function AdminList<T extends { id: string }, K extends string>(props: Props<T, K>) {
  const { texts, columns, path, basePath, searchParams, cells, link, filters = {} } = props;
  const [result, names] = await Promise.all([
    searchParams.then((params) => loadList<T>(path, pageFromSearchParams(params), filters)),
    props.names ?? new Map<string, string>(),
  ]);
  if (result.kind === 'forbidden') return <Forbidden />;
  const { items } = result.page;
  return (
    <AdminListPage
      title={texts.title}
      caption={texts.caption}
      basePath={basePath}
      page={result.page}
      columns={columns.map((key) => ({ key, label: texts[key] }))}
      rows={items.map((item) => ({ id: item.id, cells: cells(item, names, items), href: link?.(item).href, linkLabel: link?.(item).label }))}
      actions={props.actions}
      before={props.before}
      query={new URLSearchParams(Object.entries(props.pagerQuery ?? filters).filter((e): e is [string, string] => Boolean(e[1]))).toString()}
    />
  );
}
