/**
 * The rule for an image's `src`: a file beside the story, named by a plain relative path. Checked
 * by the schema, before any file is read, so a story cannot make the build fetch an address or
 * read outside the stories folder (`check-images.ts` then checks the file itself).
 */

/** Why `src` is not a path the kit accepts, or undefined when it is. */
export function imagePathProblem(src: string): string | undefined {
  const path = src.trim();
  if (/^[a-z][a-z0-9+.-]*:/i.test(path) || path.startsWith('//'))
    return 'an image is a file in the story’s folder, not an address: save the image beside the story and write its file name, e.g. harbour.jpg';
  if (path.startsWith('/') || path.includes('\\'))
    return 'write the image’s path relative to the story file, with forward slashes, e.g. images/harbour.jpg';
  if (path.split('/').includes('..'))
    return 'an image must be in the story’s folder or a folder inside it: a path cannot go up with ".."';
  if (/\p{Cc}/u.test(path)) return 'the image’s path has a control character in it';
  return undefined;
}
