/**
 * Runs a platform command's `main` and exits with the code it returns (0 done, 1 invalid, 2 refused, as each
 * command documents); an unexpected error is printed and exits with 1.
 */
export function runCommand(main: () => Promise<number>): void {
  main().then(
    (code) => process.exit(code),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}
