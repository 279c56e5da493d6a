import 'server-only';
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
};

/**
 * One page of an admin list. The page authorises before rendering it; the API checks again,
 * and its refusal becomes the forbidden message.
 */
export async function AdminList<T extends { id: string }, K extends string>(props: Props<T, K>) {
  const { texts, columns, path, basePath, searchParams, cells } = props;
  const [result, names] = await Promise.all([
    searchParams.then((params) => loadList<T>(path, pageFromSearchParams(params))),
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
      rows={items.map((item) => ({ id: item.id, cells: cells(item, names, items) }))}
    />
  );
}
