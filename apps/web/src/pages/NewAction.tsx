/** Being written (issue 7): see apps/web/README in the session notes. */
export function NewActionPage() {
  return <h1>En construction</h1>;
}
