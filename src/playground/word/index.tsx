import { createRoot } from 'react-dom/client';
import { WordPlayground } from './WordPlayground';

createRoot(document.getElementById('root')!).render(<WordPlayground />);
