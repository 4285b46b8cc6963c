import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/app';
import { env } from './config/env';
import './styles.css';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
if (env.DEV) console.info(`Dengar web (${env.MODE}) talking to ${env.VITE_API_BASE_PATH}`);

createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
