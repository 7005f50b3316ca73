// The lab page's style. Narrow screens get one column (shop, then the lab picture); from 900 px the
// picture sits beside the shop, so kill / drain / revive and their effect are seen together.

/** A stable colour per backend name, so a switch of backend is visible at a glance. */
export function hue(name: string): number {
  let h = 7;
  for (let i = 0; i < name.length; i++) h = (h * 31 + name.charCodeAt(i)) % 360;
  return (h * 47) % 360;
}

export function labStyle(backend: string): string {
  return `
  * { box-sizing: border-box; }
  body { font: 15px/1.4 system-ui, sans-serif; margin: 1rem auto; max-width: 46rem; padding: 0 1rem; color: #1d1d1f; }
  body.with-lab { max-width: 76rem; }
  h1 { font-size: 1.5rem; margin: 0 0 .3rem; }
  h2 { font-size: 1.1rem; margin: 0 0 .5rem; }
  header { margin-bottom: .6rem; }
  .served { margin: 0; display: flex; flex-wrap: wrap; align-items: center; gap: .4rem; }
  .backend { display: inline-block; padding: .3rem .8rem; border-radius: .5rem; color: #fff; font-weight: 700; font-size: 1.3rem;
             background: hsl(${hue(backend)} 60% 38%); }
  .served.down .backend { background: #b3261e; text-decoration: line-through; }
  .served.down #served-note { color: #b3261e; font-weight: 600; }
  .served.draining #served-note { color: #8a5a00; }
  .muted { color: #666; }
  .bad { color: #b3261e; }
  .good { color: #1b6e2e; }
  section { border: 1px solid #ddd; border-radius: .5rem; padding: .7rem .9rem; margin: 0 0 .8rem; }
  form { display: inline-block; margin: .2rem .4rem .2rem 0; }
  input { padding: .3rem; max-width: 100%; }
  button { padding: .3rem .7rem; cursor: pointer; }
  code { background: #f3f3f3; padding: 0 .25rem; border-radius: .2rem; }
  ol { margin: .3rem 0; }
  p { overflow-wrap: anywhere; }
  .layout { display: grid; grid-template-columns: minmax(0, 1fr); gap: 1rem; }
  @media (min-width: 900px) {
    body.with-lab .layout { grid-template-columns: minmax(0, 24rem) minmax(0, 1fr); align-items: start; }
  }
  aside { border: 1px solid #ccd; border-radius: .5rem; padding: .7rem .9rem; background: #fafbff; min-width: 0; }
  .diagram { position: relative; }
  #arrows { position: absolute; inset: 0; width: 100%; height: 100%; overflow: visible; pointer-events: none; }
  .box { position: relative; border: 2px solid #8a8fa3; border-radius: .5rem; background: #fff; padding: .4rem .6rem; }
  .lb { display: flex; flex-wrap: wrap; gap: .2rem .6rem; align-items: baseline; justify-content: center; text-align: center; }
  .backends { display: grid; grid-template-columns: repeat(auto-fit, minmax(6rem, 1fr)); gap: .6rem; margin-top: 6.5rem; }
  .be { display: flex; flex-direction: column; gap: .15rem; min-width: 0; }
  .be .name { font-weight: 700; font-size: 1.15rem; }
  .be.mine { border-width: 4px; border-color: #1d1d1f; }
  .be .you { font-size: .75rem; font-weight: 700; color: #1d1d1f; }
  .be.down { background: #fdecea; border-style: dashed; border-color: #b3261e; }
  .be.draining { background: #fff6e0; border-color: #b07d00; }
  .pill { display: inline-block; border-radius: 1rem; padding: 0 .5rem; font-size: .8rem; font-weight: 600; color: #fff; background: #1b6e2e; }
  .down .pill { background: #b3261e; }
  .draining .pill { background: #b07d00; }
  .figure { font-size: .85rem; }
  .be .buttons { display: flex; flex-wrap: wrap; gap: .25rem; margin-top: .2rem; }
  .be button { padding: .15rem .45rem; font-size: .8rem; }
  .actions { margin: .7rem 0 .3rem; }
  .legend { font-size: .8rem; margin: 0; }
  #arrows line { stroke: #6b7080; stroke-width: 1.5; }
  #arrows line.mine { stroke: #1d1d1f; stroke-width: 3.5; }
  #arrows line.cookie { stroke-dasharray: none; }
  #arrows line.round-robin, #arrows line.re-balanced { stroke-dasharray: 6 4; }
  #arrows text { font: 11px system-ui, sans-serif; fill: #1d1d1f; paint-order: stroke; stroke: #fafbff; stroke-width: 4px; }
  #arrows text.mine { font-weight: 700; }
`;
}
