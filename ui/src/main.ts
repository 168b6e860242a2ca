// Production entry: global styles, the drop guard, then the app.
import './styles/tokens.css';
import './styles/base.css';
import './styles/shared.css';

import { mount } from 'svelte';

import App from './App.svelte';
import { guardAgainstDropNavigation } from './lib/dropGuard';

// Installed before anything renders, so an early drop can never replace the page.
guardAgainstDropNavigation(window);

const target = document.getElementById('app');
if (!target) throw new Error('index.html has no #app element');

export default mount(App, { target });
