import { createRoot } from 'react-dom/client';
import { App } from './app';
import { connectToTeams } from './teams';

const root = createRoot(document.getElementById('root')!);
connectToTeams().then(
  (host) => root.render(<App host={host} />),
  () => {
    // Outside Teams (or the playground) there is nobody to sign in with: say where to open it.
    document.getElementById('root')!.textContent = 'Open the Consultations workspace in Microsoft Teams (or, on your own machine, through npm run playground).';
  },
);
