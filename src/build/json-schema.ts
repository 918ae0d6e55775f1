/**
 * `npm run json-schema`: writes the story format as a JSON Schema (draft-07) to
 * data/story.schema.json, generated from the zod schema (src/lib/story/schema.ts), the one source
 * of truth. Editors read it to complete and underline story files: a story's first line
 * `# yaml-language-server: $schema=../story.schema.json` points the YAML extension at it.
 * It checks the shape only; `npm run check` checks everything the build does.
 * tests/unit/jsonSchema.test.ts fails if the committed file is not what this writes.
 */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { format } from 'prettier';
import { z } from 'zod';
import { storySchema } from '../lib/story/schema.ts';

/** Where the schema is committed, relative to the project root. */
export const SCHEMA_PATH = 'data/story.schema.json';

export function storyJsonSchema(): Record<string, unknown> {
  const { $schema, ...schema } = z.toJSONSchema(storySchema, { target: 'draft-7', io: 'input' });
  return {
    $schema,
    $comment: 'Generated from src/lib/story/schema.ts by `npm run json-schema`; do not edit by hand.',
    title: 'Story map story',
    ...schema,
  };
}

/** The schema file's text, formatted as Prettier formats the repository. */
export async function storyJsonSchemaText(): Promise<string> {
  return format(JSON.stringify(storyJsonSchema()), { parser: 'json', printWidth: 120 });
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  storyJsonSchemaText()
    .then((text) => {
      writeFileSync(resolve(SCHEMA_PATH), text);
      console.log(`wrote ${SCHEMA_PATH}`);
    })
    .catch((error: unknown) => {
      console.error(`json-schema failed: ${error instanceof Error ? error.message : String(error)}`);
      process.exitCode = 1;
    });
}
