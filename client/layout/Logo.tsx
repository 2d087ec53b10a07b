/** The hub's mark: two overlapping speech shapes meeting in agreement. */
export function Logo(props: { size?: number }) {
  const size = () => props.size ?? 24
  return (
    <svg class="logo" width={size()} height={size()} viewBox="0 0 24 24" aria-hidden="true">
      <rect x="2" y="3" width="13" height="11" rx="3" fill="var(--accent)" />
      <rect x="9" y="10" width="13" height="11" rx="3" fill="var(--accent-2)" opacity="0.9" />
      <path d="M11.5 15.5l1.8 1.8 3.7-3.8" fill="none" stroke="#fff" stroke-width="1.8" stroke-linecap="round" stroke-linejoin="round" />
    </svg>
  )
}
