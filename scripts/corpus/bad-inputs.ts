export async function writeBadInputs(_dir: string): Promise<string[]> { return []; }
