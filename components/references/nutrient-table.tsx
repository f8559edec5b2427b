import type { Nutrient } from '@/lib/nutrients';
import type { SourceLink } from './source-links';
import { SourceLinks } from './source-links';

/**
 * The nutrient table: role for the back, deficiency signs and food sources.
 * @param props - the nutrients and the resolved sources
 * @returns the table
 */
export function NutrientTable({
  nutrients,
  sources,
}: {
  nutrients: readonly Nutrient[];
  sources: Readonly<Record<string, SourceLink>>;
}) {
  return (
    <div className="table-scroll">
      <table className="data-table">
        <caption>Nutrients and the back</caption>
        <thead>
          <tr>
            <th scope="col">Nutrient</th>
            <th scope="col">Role for the back</th>
            <th scope="col">Deficiency signs</th>
            <th scope="col">Food sources</th>
            <th scope="col">Sources</th>
          </tr>
        </thead>
        <tbody>
          {nutrients.map((nutrient) => (
            <tr key={nutrient.id}>
              <th scope="row">
                {nutrient.name}
                {nutrient.measuredHere ? null : (
                  <div className="default-tag">not measured here</div>
                )}
              </th>
              <td>{nutrient.roleForBack}</td>
              <td>
                <ul>
                  {nutrient.deficiencySigns.map((sign) => (
                    <li key={sign}>{sign}</li>
                  ))}
                </ul>
              </td>
              <td>
                <ul>
                  {nutrient.foodSources.map((food) => (
                    <li key={food}>{food}</li>
                  ))}
                </ul>
              </td>
              <td>
                <SourceLinks ids={nutrient.citationIds} sources={sources} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
