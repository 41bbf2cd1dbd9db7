/**
 * The status page's script, served as /assets/status.js (an ES module;
 * the page loads uPlot before it). Draws the model embedded in the page at
 * once, then follows live updates.
 */
import type { StatusModel } from '../../api-types.js';
import { byId } from './dom.js';
import { follow } from './live.js';
import { endpointsRoot, onResize, render } from './render.js';
import { listenTips } from './tips.js';

listenTips(endpointsRoot);
window.addEventListener('resize', onResize);
render(JSON.parse(byId('status-data', HTMLScriptElement).textContent ?? 'null') as StatusModel);
follow();
