/**
 * Layer rules of `provider/`, checked by `npm run lint` (dependency-cruiser), so they hold by tool, not by memory.
 * Dependencies point down only: components → resources → konnect. The program side (what `require("pulumi-konnect-dcr")`
 * loads: the package index, components, Azure side, resource classes and their tables) never reaches the Konnect
 * client, axios or zod at run time. Type-only imports are erased by the compiler, so they count nowhere here. See
 * provider/DESIGN.md "Layers".
 */

/** Modules a Pulumi program loads (the serialized providers load the runtime side at call time instead). */
const PROGRAM_SIDE = [
  "^provider/index\\.ts$",
  "^provider/components/",
  "^provider/azure/",
  "^provider/resources/[^/]+/(resource|inputs|args)\\.ts$",
  "^provider/resources/core/(shim|konnectResource|tableResource|creationKeyInput|commonInputs|tableTypes|types)\\.ts$",
].join("|");

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: "konnect-is-the-bottom-layer",
      comment: "The Konnect client knows axios, zod and the wire format, never Pulumi or the layers above it.",
      severity: "error",
      from: { path: "^provider/konnect/" },
      to: { path: "^provider/(resources|components|azure|verify)/|^node_modules/@pulumi/" },
    },
    {
      name: "resources-never-upward",
      comment: "Dynamic resources know the client and pulumi.dynamic, never the components or the Azure side.",
      severity: "error",
      from: { path: "^provider/resources/" },
      to: { path: "^provider/(components|azure)/" },
    },
    {
      name: "azure-side-knows-no-konnect-resource",
      comment: "The Azure side knows @pulumi/azuread and the Graph permission table, never the Konnect resources.",
      severity: "error",
      from: { path: "^provider/azure/" },
      to: { path: "^provider/(resources|components)/" },
    },
    {
      name: "verify-stands-alone",
      comment: "npm run verify (and the request check built on it) needs no Pulumi and no Konnect resource.",
      severity: "error",
      from: { path: "^provider/verify/" },
      to: { path: "^provider/(resources|components|azure)/|^node_modules/@pulumi/" },
    },
    {
      name: "resource-folders-stand-alone",
      comment:
        "A resource's folder uses the generic machinery (core/) and the client, never another resource's folder.",
      severity: "error",
      from: { path: "^provider/resources/([^/]+)/", pathNot: "^provider/resources/core/" },
      to: {
        path: "^provider/resources/([^/]+)/",
        pathNot: ["^provider/resources/core/", "^provider/resources/$1/"],
      },
    },
    {
      name: "core-knows-no-resource",
      comment: "The generic machinery knows no particular resource (the runtime registry is the one file that does).",
      severity: "error",
      from: { path: "^provider/resources/core/" },
      to: { path: "^provider/resources/(?!core/)" },
    },
    {
      name: "program-side-never-loads-the-client",
      comment:
        "require('pulumi-konnect-dcr') in a user's program must not load the Konnect client, axios or zod; the " +
        "program side reads plain-data modules only (tables, regions, ids, label rules).",
      severity: "error",
      from: { path: PROGRAM_SIDE },
      to: {
        path: "^node_modules/(zod|axios)/|^provider/konnect/(index|http|connection|errors|operation|schemas|retryPolicy|deadline|redact)\\.ts$|^provider/konnect/[^/]+/(schemas|operations)\\.ts$|^provider/resources/runtime\\.ts$|^provider/resources/[^/]+/(check|definition)\\.ts$",
        reachable: true,
      },
    },
    {
      name: "no-circular",
      comment: "Modules form no cycle (type-only imports aside).",
      severity: "error",
      from: { path: "^provider/" },
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    // What runs: type-only imports are erased by the compiler and are no dependency at run time.
    tsPreCompilationDeps: false,
    tsConfig: { fileName: "tsconfig.json" },
    enhancedResolveOptions: { exportsFields: ["exports"], conditionNames: ["require", "default", "types"] },
    // `dist/` is what the shim's lazy `require("pulumi-konnect-dcr/runtime")` resolves to: that require runs inside
    // the serialized provider's methods, at call time in the plugin host, never when a program loads the package.
    exclude: { path: ["\\.test\\.ts$", "^dist/"] },
  },
};
