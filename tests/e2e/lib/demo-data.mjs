// The run command's demo data (services/certificate/demo/demo_data.sql) in a test's cluster,
// applied as the certificate service's own role as `run` does (which, like run's database, may make
// the temporary tables the file uses).
import { execFile } from 'node:child_process';
import path from 'node:path';

export async function loadDemoData(cluster) {
  await cluster.psql(`GRANT TEMPORARY ON DATABASE ${cluster.database} TO kutse_certificate`);
  await new Promise((resolve, reject) => {
    const file = path.join(cluster.repo, 'services', 'certificate', 'demo', 'demo_data.sql');
    execFile('psql', [cluster.dsn('certificate'), '-X', '-q', '-v', 'ON_ERROR_STOP=1', '-f', file], { timeout: 60000 },
      (error, _stdout, stderr) => (error ? reject(new Error(`demo data: ${stderr}`)) : resolve()));
  });
}
