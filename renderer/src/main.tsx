import './zod-csp.js';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { chooseApi } from './api/choose-api.js';
import { App } from './views/app.js';
import './styles.css';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element.');
const { api, onDisconnect } = chooseApi();
createRoot(root).render(
  <StrictMode>
    <App api={api} onDisconnect={onDisconnect} />
  </StrictMode>,
);
