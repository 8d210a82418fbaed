import {
  corsicaOutline,
  franceOutline,
  franceViewBox,
  outlineToSvgPath,
  projectToSvg,
} from '../../../shared/geo/france.ts';
import classes from './map.module.css';

const width = 300;
const land = [outlineToSvgPath(franceOutline, width), outlineToSvgPath(corsicaOutline, width)];
const { viewBox } = franceViewBox(width);

/** A small France with one dot: where a lab is. Decorative; the city is written next to it. */
export function LabLocator({ latitude, longitude }: { latitude: number; longitude: number }) {
  const { x, y } = projectToSvg(longitude, latitude, width);
  return (
    <svg
      viewBox={viewBox}
      className={classes.svg}
      aria-hidden="true"
      focusable="false"
      style={{ maxWidth: 220, margin: '0 auto' }}
    >
      {land.map((d) => (
        <path key={d.slice(0, 24)} d={d} className={classes.land} />
      ))}
      <circle cx={x} cy={y} r={14} fill="var(--mantine-color-relais-7)" opacity={0.18} />
      <circle cx={x} cy={y} r={6} className={`${classes.shape} ${classes.lab}`} />
    </svg>
  );
}
