/**
 * Reads the client secret from the terminal without echoing it.
 */

/** The parts of a terminal input stream the prompt uses. */
export interface TtyInput {
  isTTY?: boolean;
  setRawMode?(mode: boolean): unknown;
  on(event: "data", listener: (chunk: Buffer | string) => void): unknown;
  removeListener(event: "data", listener: (chunk: Buffer | string) => void): unknown;
  resume(): unknown;
  pause(): unknown;
}

/** Asks for a secret on a terminal, echoing nothing; undefined when input is not a terminal or the user cancels. */
export function promptHidden(
  question: string,
  input: TtyInput,
  output: { write(text: string): unknown },
): Promise<string | undefined> {
  if (input.isTTY !== true || typeof input.setRawMode !== "function") return Promise.resolve(undefined);
  const setRaw = input.setRawMode.bind(input);
  output.write(question);
  return new Promise((resolve) => {
    let value = "";
    const finish = (result: string | undefined) => {
      input.removeListener("data", onData);
      setRaw(false);
      input.pause();
      output.write("\n");
      resolve(result);
    };
    const onData = (chunk: Buffer | string) => {
      for (const ch of chunk.toString()) {
        if (ch === "\r" || ch === "\n" || ch === "\u0004") return finish(value);
        if (ch === "\u0003") return finish(undefined);
        if (ch === "\u007f" || ch === "\b") value = value.slice(0, -1);
        else value += ch;
      }
    };
    setRaw(true);
    input.resume();
    input.on("data", onData);
  });
}
