export default function HomePage() {
  return (
    <main>
      <h1>Back-pain lab interpreter</h1>
      <p>Interprets 25-hydroxyvitamin D, vitamin B12 and magnesium results.</p>
    </main>
  );
}
