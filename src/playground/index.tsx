import { createRoot } from 'react-dom/client';
import { Playground } from './Playground';

createRoot(document.getElementById('root')!).render(<Playground />);
