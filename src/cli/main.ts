export async function run(argv: string[]): Promise<void> {
  void argv;
  throw new Error('not yet');
}
