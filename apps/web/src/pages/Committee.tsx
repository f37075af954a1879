/** Being written (issue 7). */
export function CommitteePage() {
  return <h1>En construction</h1>;
}
