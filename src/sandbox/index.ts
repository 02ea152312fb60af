export { createSandbox, defaultSandboxCredentials } from './create-sandbox.js';
export type { Sandbox, SandboxDataset, SandboxOptions, SandboxStats } from './create-sandbox.js';
export type { MutationOptions, MutationResult } from './dataset-state.js';
export { faultKinds } from './faults.js';
export type { FaultKind, FaultOptions, FaultRate, FaultScriptEntry } from './faults.js';
export type { DataGatewayInterfaces, FlavorName, SandboxCredentials, TokenLifetimes } from './flavor.js';
export type { ListenOptions, ListeningSandbox } from './listen.js';
export type { ColumnDefinition, ColumnType, OpenClass, Row } from './data/dataset-definition.js';
