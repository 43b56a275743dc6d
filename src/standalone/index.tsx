import { createRoot } from 'react-dom/client';
import { StandalonePage } from './StandalonePage';

// The inline guard has already told an old browser what to use instead; leave its notice alone.
if (!window.__cchcOldHost) createRoot(document.getElementById('root')!).render(<StandalonePage />);
