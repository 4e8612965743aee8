import { Link } from '../router.js';
import { usePageTitle } from '../components/page-title.js';

export function NotFoundPage() {
  usePageTitle('Page not found');
  return (
    <section>
      <h1>Page not found</h1>
      <p>
        There is nothing at this address. Go to the <Link href="/">dashboard</Link>.
      </p>
    </section>
  );
}
