// The few WebAssembly globals pdfium.ts and page-threads.ts use: the build's lib (ES2023, Node's
// types) does not declare them.
declare namespace WebAssembly {
  /** Compiled code; can be posted to a worker thread. */
  interface Module {
    readonly __compiledWebAssembly?: never;
  }
  interface Instance {
    readonly exports: Record<string, unknown>;
  }
  type Imports = Record<string, Record<string, unknown>>;
  function compile(bytes: ArrayBufferView | ArrayBuffer): Promise<Module>;
  function instantiate(module: Module, imports?: Imports): Promise<Instance>;
}
