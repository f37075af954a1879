/** Being written (issue 7): see apps/web/README in the session notes. */
export function ActionPage() {
  return <h1>En construction</h1>;
}
