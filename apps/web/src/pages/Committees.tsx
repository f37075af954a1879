/** Being written (issue 7). */
export function CommitteesPage() {
  return <h1>En construction</h1>;
}
