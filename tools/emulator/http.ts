/**
 * Small node:http helpers: read a request body and write a JSON (or problem+json) answer.
 */
import { type IncomingMessage, type ServerResponse } from "node:http";

/** Largest request body accepted (bigger bodies are cut off and fail JSON parsing). */
const MAX_BODY_BYTES = 1024 * 1024;

/** Reads the whole request body as UTF-8. */
export async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    const buffer = chunk as Buffer;
    size += buffer.length;
    if (size <= MAX_BODY_BYTES) chunks.push(buffer);
  }
  return Buffer.concat(chunks).toString("utf8");
}

/** Writes a status with an optional JSON body. */
export function sendJson(
  response: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  if (body === undefined) {
    response.writeHead(status, headers);
    response.end();
    return;
  }
  const text = JSON.stringify(body);
  const contentType = status >= 400 ? "application/problem+json" : "application/json";
  response.writeHead(status, {
    ...headers,
    "Content-Type": contentType,
    "Content-Length": String(Buffer.byteLength(text)),
  });
  response.end(text);
}
