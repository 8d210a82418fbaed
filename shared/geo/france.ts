/**
 * Simplified outline of metropolitan France for small illustrative maps.
 *
 * Points are [longitude, latitude] in decimal degrees (WGS84), listed clockwise on a
 * north-up map: from the North Sea at the Belgian border, down the Belgian, Luxembourg,
 * German (Rhine), Swiss and Italian borders, west along the Mediterranean coast, along
 * the Pyrenees, then north up the Atlantic coast and east along the Channel.
 *
 * The outline is hand-drawn at roughly 5–15 km precision: good enough for a
 * recognisable map a few hundred pixels wide, not for any measurement.
 */

export type LonLat = readonly [number, number];

export const franceOutline: ReadonlyArray<LonLat> = [
  // North Sea, Belgian border
  [2.546, 51.089], // Bray-Dunes
  [2.63, 50.82],
  [2.86, 50.7], // Armentières
  [3.15, 50.79], // Halluin
  [3.26, 50.7], // Wattrelos
  [3.29, 50.59],
  [3.67, 50.38], // Quiévrain
  [4.1, 50.29], // Jeumont
  [4.22, 49.96], // Anor
  [4.45, 49.94],
  [4.68, 49.99],
  [4.8, 50.15], // Givet
  [4.87, 50.1],
  [4.87, 49.89],
  [5.1, 49.76], // Bouillon
  [5.45, 49.52],
  [5.818, 49.546], // Longwy, Belgium–Luxembourg tripoint
  [5.98, 49.45],
  [6.367, 49.469], // Schengen, Luxembourg–Germany tripoint
  [6.73, 49.21],
  [6.92, 49.21], // Forbach
  [7.04, 49.12], // Sarreguemines
  [7.3, 49.12],
  [7.74, 49.05],
  [7.94, 49.05], // Wissembourg
  [8.23, 48.97], // Lauterbourg, Rhine
  [7.8, 48.58], // Strasbourg–Kehl
  [7.62, 48.2],
  [7.58, 48.0], // Neuf-Brisach
  [7.54, 47.8],
  [7.59, 47.59], // Basel
  // Swiss border, Jura, Lake Geneva
  [7.48, 47.49],
  [7.25, 47.42],
  [7.0, 47.5], // Delle
  [6.95, 47.26],
  [6.7, 47.07], // Les Brenets
  [6.47, 46.93], // Les Verrières
  [6.38, 46.76], // Jougne
  [6.13, 46.58],
  [6.07, 46.46], // La Cure
  [6.13, 46.36], // Divonne
  [6.11, 46.26], // Ferney-Voltaire
  [5.96, 46.15], // Chancy, western tip of Geneva canton
  [6.08, 46.14], // Saint-Julien-en-Genevois
  [6.23, 46.18], // Annemasse
  [6.24, 46.3], // Hermance, Lake Geneva
  [6.33, 46.37], // Yvoire
  [6.48, 46.38], // Thonon
  [6.59, 46.4], // Évian
  [6.8, 46.39], // Saint-Gingolph
  [6.81, 46.16],
  [7.044, 45.923], // Mont Dolent, Italian border
  // Italian border, Alps
  [6.865, 45.833], // Mont Blanc
  [6.88, 45.68], // Petit-Saint-Bernard
  [7.15, 45.4],
  [7.07, 45.21], // Mont Cenis
  [6.65, 45.11], // Fréjus
  [6.73, 44.93], // Montgenèvre
  [7.02, 44.7],
  [6.89, 44.42], // Col de Larche
  [7.14, 44.2],
  [7.38, 44.12],
  [7.57, 44.14], // Col de Tende
  [7.71, 44.06],
  // Mediterranean coast
  [7.53, 43.785], // Menton
  [7.43, 43.74], // Monaco
  [7.27, 43.69], // Nice
  [7.13, 43.56], // Cap d'Antibes
  [7.02, 43.54], // Cannes
  [6.93, 43.43], // Esterel
  [6.77, 43.41], // Saint-Raphaël
  [6.64, 43.31], // Sainte-Maxime
  [6.64, 43.27], // Saint-Tropez
  [6.53, 43.17], // Cavalaire
  [6.37, 43.13], // Le Lavandou
  [6.2, 43.1], // Hyères
  [6.13, 43.03], // Giens
  [5.93, 43.1], // Toulon
  [5.86, 43.05], // Cap Sicié
  [5.61, 43.17], // La Ciotat
  [5.54, 43.2], // Cassis
  [5.35, 43.21], // Calanques
  [5.34, 43.33], // Marseille
  [5.05, 43.33], // Cap Couronne
  [4.88, 43.43], // Golfe de Fos
  [4.83, 43.36],
  [4.58, 43.36], // Camargue
  [4.43, 43.45], // Saintes-Maries-de-la-Mer
  [4.13, 43.53], // Le Grau-du-Roi
  [3.93, 43.53],
  [3.7, 43.4], // Sète
  [3.5, 43.28], // Agde
  [3.28, 43.23],
  [3.1, 43.1], // Gruissan
  [3.04, 42.93],
  [3.04, 42.56], // Argelès
  [3.17, 42.43], // Cerbère, Spanish border
  // Pyrenees
  [2.86, 42.46], // Le Perthus
  [2.67, 42.34],
  [2.12, 42.38], // Puigmal
  [1.98, 42.45], // Bourg-Madame
  [1.78, 42.49],
  [1.55, 42.65], // Andorra
  [1.44, 42.6],
  [0.97, 42.79],
  [0.72, 42.86], // Val d'Aran
  [0.64, 42.7],
  [0.0, 42.69], // Gavarnie
  [-0.29, 42.84],
  [-0.52, 42.79], // Somport
  [-0.73, 42.93],
  [-1.3, 43.07],
  [-1.4, 43.05],
  [-1.47, 43.27],
  [-1.73, 43.3],
  [-1.79, 43.37], // Hendaye
  // Atlantic coast
  [-1.66, 43.4], // Saint-Jean-de-Luz
  [-1.56, 43.48], // Biarritz
  [-1.44, 43.66], // Capbreton
  [-1.3, 44.21], // Mimizan
  [-1.22, 44.59], // Dune du Pilat
  [-1.05, 44.65], // Bassin d'Arcachon
  [-1.15, 44.76],
  [-1.25, 44.64], // Cap Ferret
  [-1.2, 45.0], // Lacanau
  [-1.13, 45.45],
  [-1.06, 45.57], // Pointe de Grave, Gironde estuary
  [-0.84, 45.36],
  [-0.62, 45.05], // Bec d'Ambès
  [-0.66, 45.14], // Blaye
  [-0.81, 45.46],
  [-1.03, 45.62], // Royan
  [-1.24, 45.69], // Pointe de la Coubre
  [-1.1, 45.9],
  [-1.1, 46.0], // Fouras
  [-1.17, 46.15], // La Rochelle
  [-1.15, 46.3],
  [-1.43, 46.34],
  [-1.79, 46.49], // Les Sables-d'Olonne
  [-2.14, 46.88],
  [-1.98, 47.02], // Baie de Bourgneuf
  [-2.1, 47.11], // Pornic
  [-2.25, 47.13],
  [-2.17, 47.24], // Loire estuary
  [-2.2, 47.28], // Saint-Nazaire
  [-2.52, 47.3], // Le Croisic
  [-2.48, 47.48],
  [-2.8, 47.5],
  [-3.05, 47.58], // Carnac
  [-3.12, 47.48], // Quiberon
  [-3.21, 47.65],
  [-3.37, 47.72], // Lorient
  [-3.92, 47.87], // Concarneau
  [-4.37, 47.8], // Penmarc'h
  [-4.54, 48.01],
  [-4.74, 48.04], // Pointe du Raz
  [-4.33, 48.1], // Douarnenez
  [-4.3, 48.16],
  [-4.55, 48.17], // Cap de la Chèvre
  [-4.62, 48.25], // Pointe de Pen-Hir
  [-4.56, 48.345],
  [-4.42, 48.31], // Rade de Brest
  [-4.49, 48.385], // Brest
  [-4.77, 48.33], // Pointe Saint-Mathieu
  [-4.7, 48.56], // Portsall
  [-4.57, 48.61],
  [-3.98, 48.73], // Roscoff
  [-3.88, 48.66], // Baie de Morlaix
  [-3.65, 48.7],
  [-3.45, 48.83], // Perros-Guirec
  [-3.1, 48.87],
  [-3.02, 48.78], // Paimpol
  [-2.72, 48.53], // Saint-Brieuc
  [-2.32, 48.69], // Cap Fréhel
  [-2.02, 48.65], // Saint-Malo
  [-1.51, 48.63], // Mont-Saint-Michel
  [-1.6, 48.83], // Granville
  [-1.63, 49.2],
  [-1.8, 49.37], // Carteret
  [-1.94, 49.72], // Cap de la Hague
  [-1.62, 49.65], // Cherbourg
  [-1.47, 49.7],
  [-1.26, 49.67], // Barfleur
  [-1.22, 49.45],
  [-1.05, 49.39],
  [-0.25, 49.29], // Ouistreham
  [-0.12, 49.29],
  [0.23, 49.42], // Honfleur, Seine estuary
  [0.11, 49.48], // Le Havre
  [0.2, 49.71], // Étretat
  [0.37, 49.76], // Fécamp
  [0.71, 49.87],
  [1.08, 49.93], // Dieppe
  [1.37, 50.06], // Le Tréport
  [1.6, 50.19], // Baie de Somme
  [1.56, 50.4], // Berck
  [1.59, 50.72], // Boulogne-sur-Mer
  [1.58, 50.87], // Cap Gris-Nez
  [1.85, 50.96], // Calais
  [2.37, 51.05], // Dunkerque
];

/** Corsica, clockwise from the tip of Cap Corse. */
export const corsicaOutline: ReadonlyArray<LonLat> = [
  [9.4, 43.01], // Cap Corse
  [9.46, 42.96],
  [9.47, 42.82],
  [9.45, 42.7], // Bastia
  [9.53, 42.55],
  [9.56, 42.3],
  [9.55, 42.1], // Aléria
  [9.4, 41.85], // Solenzara
  [9.38, 41.7],
  [9.29, 41.59], // Porto-Vecchio
  [9.27, 41.44],
  [9.18, 41.37], // Bonifacio
  [9.05, 41.45],
  [8.88, 41.52],
  [8.9, 41.67], // Propriano
  [8.66, 41.74],
  [8.79, 41.9],
  [8.74, 41.92], // Ajaccio
  [8.6, 41.96],
  [8.61, 42.12], // Cargèse
  [8.67, 42.25],
  [8.56, 42.37],
  [8.67, 42.52],
  [8.75, 42.57], // Calvi
  [8.94, 42.64], // L'Île-Rousse
  [9.08, 42.7],
  [9.3, 42.68], // Saint-Florent
  [9.34, 42.8],
  [9.34, 42.96],
];

/**
 * Geographic window shown by the map, in degrees. Corsica's southern tip (41.37°N) and
 * eastern coast (9.56°E) sit just inside it.
 */
export const franceBounds = { west: -5.3, east: 9.7, south: 41.3, north: 51.2 } as const;

/**
 * Latitude (degrees) whose cosine scales longitudes. At 46.5°N, the middle of the
 * window, one degree of longitude is about 0.69 times as long as one degree of latitude.
 */
export const franceReferenceLatitude = 46.5;

const lonScale = Math.cos((franceReferenceLatitude * Math.PI) / 180);

/** Empty space kept around the bounds, as a fraction of the drawing width. */
const marginRatio = 0.02;

/** Pixels per degree of latitude for a drawing `width` pixels wide. */
function pixelsPerDegree(width: number): number {
  const margin = width * marginRatio;
  return (width - 2 * margin) / ((franceBounds.east - franceBounds.west) * lonScale);
}

/**
 * Equirectangular projection of a point to SVG user units for a drawing `width` wide:
 *
 *   x = margin + (lon − west) × cos(46.5°) × k
 *   y = margin + (north − lat) × k
 *
 * where k (pixels per degree of latitude) makes the bounds fill the width minus the
 * margins. y grows downwards, as in SVG.
 */
export function projectToSvg(lon: number, lat: number, width: number): { x: number; y: number } {
  const margin = width * marginRatio;
  const k = pixelsPerDegree(width);
  return {
    x: margin + (lon - franceBounds.west) * lonScale * k,
    y: margin + (franceBounds.north - lat) * k,
  };
}

/** Size and `viewBox` attribute of an SVG drawing `width` wide that fits the bounds. */
export function franceViewBox(width: number): { width: number; height: number; viewBox: string } {
  const margin = width * marginRatio;
  const height = Math.round(2 * margin + (franceBounds.north - franceBounds.south) * pixelsPerDegree(width));
  return { width, height, viewBox: `0 0 ${width} ${height}` };
}

/** SVG path data (`d` attribute) of a closed outline, rounded to 0.1 unit. */
export function outlineToSvgPath(outline: ReadonlyArray<LonLat>, width: number): string {
  const parts = outline.map(([lon, lat], i) => {
    const { x, y } = projectToSvg(lon, lat, width);
    return `${i === 0 ? 'M' : 'L'}${x.toFixed(1)} ${y.toFixed(1)}`;
  });
  return `${parts.join(' ')} Z`;
}
