/** Being written (issue 7). */
export function ConventionsPage() {
  return <h1>En construction</h1>;
}
