/** Whether the reader asked for reduced motion, kept up to date if they change it. */
export function reducedMotion(): { readonly current: boolean } {
  const query = window.matchMedia('(prefers-reduced-motion: reduce)');
  let current = $state(query.matches);
  query.addEventListener('change', (e) => (current = e.matches));
  return {
    get current() {
      return current;
    },
  };
}
