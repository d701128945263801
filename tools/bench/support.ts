/** Constants shared by the benchmark modules. */

/** A well-formed Konnect personal access token the emulator accepts. */
export const BENCH_TOKEN = "kpat_benchTokenAbcdefghijklmnop0123";

/** A syntactically valid Azure tenant issuer. */
export const BENCH_ISSUER = "https://sts.windows.net/72f988bf-86f1-41af-91ab-2d7cd011db47";
