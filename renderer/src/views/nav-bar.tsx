export type Screen = 'devices' | 'onboarding' | 'credentials' | 'cloud' | 'audit';

const SCREENS: { id: Screen; label: string }[] = [
  { id: 'devices', label: 'Devices' },
  { id: 'onboarding', label: 'Onboarding' },
  { id: 'credentials', label: 'Credentials' },
  { id: 'cloud', label: 'Cloud' },
  { id: 'audit', label: 'Audit log' },
];

/** The screens; the current one is announced with aria-current. */
export function NavBar({ screen, onScreen }: { screen: Screen; onScreen: (screen: Screen) => void }) {
  return (
    <nav className="nav-bar" aria-label="Screens">
      {SCREENS.map(({ id, label }) => (
        <button
          key={id}
          type="button"
          className={id === screen ? 'nav-button is-current' : 'nav-button'}
          aria-current={id === screen ? 'page' : undefined}
          onClick={() => onScreen(id)}
          data-testid={`nav-${id}`}
        >
          {label}
        </button>
      ))}
    </nav>
  );
}
