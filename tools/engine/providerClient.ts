/**
 * A typed gRPC client for `pulumirpc.ResourceProvider` that talks to a plugin host the way the Pulumi engine does:
 * secrets are stripped from every property bag on the way in (the dynamic host answers `acceptSecrets=false`) and
 * outputs are re-marked secret on the way out (`annotateSecrets`). Unknowns are only allowed in Check and Diff.
 *
 * The gRPC and protobuf runtime classes are loaded from @pulumi/pulumi's own dependency tree so they match the
 * generated message classes.
 */
import { createRequire } from "node:module";
import type * as grpcTypes from "@grpc/grpc-js";
import type * as structTypes from "google-protobuf/google/protobuf/struct_pb";
import type * as providerPbTypes from "@pulumi/pulumi/proto/provider_pb";
import type * as providerGrpcTypes from "@pulumi/pulumi/proto/provider_grpc_pb";
import type * as statusPbTypes from "@pulumi/pulumi/proto/status_pb";
import type * as emptyTypes from "google-protobuf/google/protobuf/empty_pb";
import type * as pluginPbTypes from "@pulumi/pulumi/proto/plugin_pb";
import { annotateSecrets, containsUnknowns, secret, stripSecrets, type PropertyMap } from "./encoding";

const pulumiRequire = createRequire(require.resolve("@pulumi/pulumi"));
const grpc = pulumiRequire("@grpc/grpc-js") as typeof grpcTypes;
const { Struct } = pulumiRequire("google-protobuf/google/protobuf/struct_pb") as typeof structTypes;
const { Empty } = pulumiRequire("google-protobuf/google/protobuf/empty_pb") as typeof emptyTypes;
const pb = pulumiRequire("./proto/provider_pb") as typeof providerPbTypes;
const pbGrpc = pulumiRequire("./proto/provider_grpc_pb") as typeof providerGrpcTypes;
const statusPb = pulumiRequire("./proto/status_pb") as typeof statusPbTypes;

/** One stack config value: plain, or secret (sent wrapped, as the engine does). */
export type ConfigValue = string | { secret: string };
/** Whole stack config, keys with namespace (`konnect:token`). */
export type StackConfig = Record<string, ConfigValue>;

/** What the host answered to Configure. */
export interface ConfigureResult {
  acceptSecrets: boolean;
  supportsPreview: boolean;
  acceptResources: boolean;
}

/** One check failure, returned as data. */
export interface CheckFailure {
  property: string;
  reason: string;
}

/** Result of Check: the checked inputs (secrets re-marked) and failures. */
export interface CheckResult {
  inputs: PropertyMap;
  failures: CheckFailure[];
}

/** The engine's view of a Diff answer. */
export type DiffChanges = "unknown" | "none" | "some";

/** Result of Diff. */
export interface DiffResult {
  changes: DiffChanges;
  replaces: string[];
  deleteBeforeReplace: boolean;
}

/** Result of Create, Read and Update. */
export interface ResourceState {
  /** Resource id; Read returns "" when the resource is gone. */
  id: string;
  /** Outputs (secrets re-marked from the inputs). */
  properties: PropertyMap;
  /** Inputs returned by Read, when the provider returned them. */
  inputs?: PropertyMap;
}

/** `pulumirpc.ErrorResourceInitFailed`: the resource was created but failed to initialize; it stays in state. */
export interface ResourceInitFailure {
  id: string;
  properties: PropertyMap;
  reasons: string[];
}

/** An RPC error from the plugin host. */
export class ProviderError extends Error {
  /** gRPC status code (2 = UNKNOWN for a thrown provider error, 12 = UNIMPLEMENTED). */
  readonly code: number;
  /** The error text the host sent (the thrown message). */
  readonly details: string;
  /** The RPC that failed. */
  readonly method: string;
  /** Present when Create/Update threw an error carrying an `id`. */
  readonly initFailure?: ResourceInitFailure;

  constructor(method: string, code: number, details: string, initFailure?: ResourceInitFailure) {
    super(`${method} failed (gRPC ${code}): ${details}`);
    this.name = "ProviderError";
    this.method = method;
    this.code = code;
    this.details = details;
    if (initFailure) this.initFailure = initFailure;
  }
}

/** One RPC sent, for assertions about the call order. */
export interface RpcCall {
  method: "configure" | "check" | "diff" | "create" | "read" | "update" | "delete" | "getPluginInfo";
  urn?: string;
}

/** Splits a URN into the resource name and type the requests carry. */
export function parseUrn(urn: string): { type: string; name: string } {
  const parts = urn.split("::");
  const qualifiedType = parts[2];
  if (!urn.startsWith("urn:pulumi:") || parts.length < 4 || qualifiedType === undefined) {
    throw new Error(`not a URN: ${urn}`);
  }
  return { type: qualifiedType.split("$").pop()!, name: parts.slice(3).join("::") };
}

/** Builds a URN like the engine does for a top-level resource. */
export function makeUrn(stack: string, project: string, type: string, name: string): string {
  return `urn:pulumi:${stack}::${project}::${type}::${name}`;
}

type UnaryCall<Res> = (callback: (error: grpcTypes.ServiceError | null, response: Res) => void) => unknown;

/** A client for one plugin host. */
export class ProviderClient {
  /** Every RPC sent, in order. */
  readonly calls: RpcCall[] = [];
  private readonly client: providerGrpcTypes.ResourceProviderClient;

  /** Connects to a plugin host listening on 127.0.0.1:port. */
  constructor(port: number) {
    this.client = new pbGrpc.ResourceProviderClient(`127.0.0.1:${port}`, grpc.credentials.createInsecure());
  }

  /** Configure with the whole stack config; secret values are sent wrapped, as the engine does. */
  async configure(config: StackConfig): Promise<ConfigureResult> {
    const args: PropertyMap = {};
    const request = new pb.ConfigureRequest();
    for (const [key, value] of Object.entries(config)) {
      args[key] = typeof value === "string" ? value : secret(value.secret);
      const plain = typeof value === "string" ? value : value.secret;
      const colon = key.indexOf(":");
      request.getVariablesMap().set(`${key.slice(0, colon)}:config:${key.slice(colon + 1)}`, plain);
    }
    request.setArgs(Struct.fromJavaScript(args));
    request.setAcceptsecrets(true);
    request.setAcceptresources(true);
    request.setSendsOldInputs(true);
    request.setSendsOldInputsToDelete(true);
    request.setType("pulumi:providers:pulumi-nodejs");
    const response = await this.unary<providerPbTypes.ConfigureResponse>("configure", undefined, (cb) =>
      this.client.configure(request, cb),
    );
    return {
      acceptSecrets: response.getAcceptsecrets(),
      supportsPreview: response.getSupportspreview(),
      acceptResources: response.getAcceptresources(),
    };
  }

  /** Check(olds = prior inputs or {}, news). Unknowns are allowed (preview). Failures come back as data. */
  async check(urn: string, olds: PropertyMap, news: PropertyMap): Promise<CheckResult> {
    const request = new pb.CheckRequest();
    setIdentity(request, urn);
    request.setOlds(toStruct(olds, true));
    request.setNews(toStruct(news, true));
    const response = await this.unary<providerPbTypes.CheckResponse>("check", urn, (cb) =>
      this.client.check(request, cb),
    );
    return {
      inputs: annotateSecrets(fromStruct(response.getInputs()), news),
      failures: response.getFailuresList().map((f) => ({ property: f.getProperty(), reason: f.getReason() })),
    };
  }

  /** Diff(id, olds = prior outputs, news = checked inputs, oldInputs = prior inputs). */
  async diff(
    urn: string,
    id: string,
    olds: PropertyMap,
    news: PropertyMap,
    oldInputs: PropertyMap,
  ): Promise<DiffResult> {
    const request = new pb.DiffRequest();
    setIdentity(request, urn);
    request.setId(id);
    request.setOlds(toStruct(olds, true));
    request.setNews(toStruct(news, true));
    request.setOldInputs(toStruct(oldInputs, true));
    const response = await this.unary<providerPbTypes.DiffResponse>("diff", urn, (cb) => this.client.diff(request, cb));
    const changes = response.getChanges();
    return {
      changes:
        changes === pb.DiffResponse.DiffChanges.DIFF_SOME
          ? "some"
          : changes === pb.DiffResponse.DiffChanges.DIFF_NONE
            ? "none"
            : "unknown",
      replaces: response.getReplacesList(),
      deleteBeforeReplace: response.getDeletebeforereplace(),
    };
  }

  /** Create(properties = checked inputs). */
  async create(urn: string, properties: PropertyMap): Promise<ResourceState> {
    const request = new pb.CreateRequest();
    setIdentity(request, urn);
    request.setProperties(toStruct(properties, false));
    request.setPreview(false);
    const response = await this.unary<providerPbTypes.CreateResponse>("create", urn, (cb) =>
      this.client.create(request, cb),
    );
    return { id: response.getId(), properties: annotateSecrets(fromStruct(response.getProperties()), properties) };
  }

  /** Read(id, properties = prior outputs, inputs = prior inputs). An empty id in the answer means gone. */
  async read(urn: string, id: string, properties: PropertyMap, inputs: PropertyMap): Promise<ResourceState> {
    const request = new pb.ReadRequest();
    setIdentity(request, urn);
    request.setId(id);
    request.setProperties(toStruct(properties, false));
    request.setInputs(toStruct(inputs, false));
    const response = await this.unary<providerPbTypes.ReadResponse>("read", urn, (cb) => this.client.read(request, cb));
    const result: ResourceState = {
      id: response.getId(),
      properties: annotateSecrets(fromStruct(response.getProperties()), inputs),
    };
    if (response.getInputs()) result.inputs = annotateSecrets(fromStruct(response.getInputs()), inputs);
    return result;
  }

  /** Update(id, olds = prior outputs, news = checked inputs, oldInputs = prior inputs). */
  async update(
    urn: string,
    id: string,
    olds: PropertyMap,
    news: PropertyMap,
    oldInputs: PropertyMap,
  ): Promise<ResourceState> {
    const request = new pb.UpdateRequest();
    setIdentity(request, urn);
    request.setId(id);
    request.setOlds(toStruct(olds, false));
    request.setNews(toStruct(news, false));
    request.setOldInputs(toStruct(oldInputs, false));
    request.setPreview(false);
    const response = await this.unary<providerPbTypes.UpdateResponse>("update", urn, (cb) =>
      this.client.update(request, cb),
    );
    return { id, properties: annotateSecrets(fromStruct(response.getProperties()), news) };
  }

  /** Delete(id, properties = prior outputs, oldInputs = prior inputs). */
  async delete(urn: string, id: string, properties: PropertyMap, oldInputs: PropertyMap): Promise<void> {
    const request = new pb.DeleteRequest();
    setIdentity(request, urn);
    request.setId(id);
    request.setProperties(toStruct(properties, false));
    request.setOldInputs(toStruct(oldInputs, false));
    await this.unary<emptyTypes.Empty>("delete", urn, (cb) => this.client.delete(request, cb));
  }

  /** The SDK version the host reports. */
  async getPluginInfo(): Promise<string> {
    const response = await this.unary<pluginPbTypes.PluginInfo>("getPluginInfo", undefined, (cb) =>
      this.client.getPluginInfo(new Empty(), cb),
    );
    return response.getVersion();
  }

  /** Closes the channel. */
  close(): void {
    this.client.close();
  }

  private unary<Res>(method: RpcCall["method"], urn: string | undefined, call: UnaryCall<Res>): Promise<Res> {
    this.calls.push(urn === undefined ? { method } : { method, urn });
    return new Promise<Res>((resolve, reject) => {
      call((error, response) => {
        if (error) reject(toProviderError(method, error));
        else resolve(response);
      });
    });
  }
}

interface HasIdentity {
  setUrn(value: string): unknown;
  setName(value: string): unknown;
  setType(value: string): unknown;
}

function setIdentity(request: HasIdentity, urn: string): void {
  const { type, name } = parseUrn(urn);
  request.setUrn(urn);
  request.setName(name);
  request.setType(type);
}

function toStruct(props: PropertyMap, allowUnknowns: boolean): structTypes.Struct {
  if (!allowUnknowns && containsUnknowns(props)) {
    throw new Error("unknown values may only be sent to Check and Diff (preview)");
  }
  return Struct.fromJavaScript(stripSecrets(props));
}

function fromStruct(struct: structTypes.Struct | undefined): PropertyMap {
  return struct?.toJavaScript() ?? {};
}

function toProviderError(method: string, error: grpcTypes.ServiceError): ProviderError {
  let initFailure: ResourceInitFailure | undefined;
  const [statusBin] = error.metadata?.get("grpc-status-details-bin") ?? [];
  if (statusBin !== undefined && typeof statusBin !== "string") {
    const status = statusPb.Status.deserializeBinary(new Uint8Array(statusBin));
    for (const detail of status.getDetailsList()) {
      if (detail.getTypeName() !== "pulumirpc.ErrorResourceInitFailed") continue;
      const failure = pb.ErrorResourceInitFailed.deserializeBinary(detail.getValue_asU8());
      initFailure = {
        id: failure.getId(),
        properties: fromStruct(failure.getProperties()),
        reasons: failure.getReasonsList(),
      };
    }
  }
  return new ProviderError(method, error.code, error.details, initFailure);
}
