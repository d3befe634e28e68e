import Link from "next/link";
import { SignOutButton } from "../auth/sign-out-button";

const LINKS = [
  { href: "/", label: "Decks" },
  { href: "/review", label: "Review" },
  { href: "/cards", label: "Cards" },
  { href: "/stats", label: "Stats" },
  { href: "/documents/new", label: "Add document" },
  { href: "/settings", label: "Settings" },
  { href: "/help", label: "Help" },
];

export function SiteHeader({ email }: { email?: string }) {
  return (
    <header className="site-header">
      <Link href="/" className="brand">
        Key<span>point</span>
      </Link>
      {!email && (
        <nav className="site-nav signed-out" aria-label="Main">
          <Link href="/help">Help</Link>
          <Link href="/sign-in">Sign in</Link>
          <Link href="/sign-up">Create account</Link>
        </nav>
      )}
      {email && (
        <>
          <nav className="site-nav" aria-label="Main">
            {LINKS.map((link) => (
              <Link key={link.href} href={link.href}>
                {link.label}
              </Link>
            ))}
          </nav>
          <div className="user-menu">
            <Link href="/account" className="small" data-testid="signed-in-as" title="Account">
              {email}
            </Link>
            <SignOutButton />
          </div>
        </>
      )}
    </header>
  );
}
