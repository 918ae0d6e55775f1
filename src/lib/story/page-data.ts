/** Reads the story the build inlined into the page (see `src/build/page.ts`). */
import type { Story } from './model.ts';

export interface PageData {
  story: Story;
  /** Address of the basemap GeoJSON, relative to the page. */
  basemap: string;
}

export function readPageData(doc: Document): PageData {
  const element = doc.getElementById('story-data');
  if (!element?.textContent) throw new Error('this page has no story data: build it with `npm run build`');
  return JSON.parse(element.textContent) as PageData;
}
