import { Link } from '../router.js';

export function NotFoundPage() {
  return (
    <section>
      <h1>Page not found</h1>
      <p>
        There is nothing at this address. Go to the <Link href="/">dashboard</Link>.
      </p>
    </section>
  );
}
