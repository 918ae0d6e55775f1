/** Reads the story the build inlined into the page (see `src/build/page.ts`). */
import type { Story } from './model.ts';
import { PAGE_IDS } from '../page-ids.ts';

export interface PageData {
  story: Story;
  /** Address of the basemap GeoJSON, relative to the page. */
  basemap: string;
  /** Address of the locator inset's land (the same file for every story), relative to the page. */
  land: string;
  /** Folder of the story's static step maps (`<step-id>.svg`), relative to the page, with a trailing slash. */
  maps: string;
  /** This is the story's embed page (no site chrome; lays itself out for its frame). */
  embed: boolean;
}

export function readPageData(doc: Document): PageData {
  const element = doc.getElementById(PAGE_IDS.data);
  if (!element?.textContent) throw new Error('this page has no story data: build it with `npm run build`');
  return JSON.parse(element.textContent) as PageData;
}
