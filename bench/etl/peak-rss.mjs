// Preloaded (`node --import`) into a process the bench times: at exit, writes the process's peak
// RSS in KB to the file DLC_BENCH_RSS_FILE names.
import { writeFileSync } from 'node:fs'

process.on('exit', () => {
  const file = process.env.DLC_BENCH_RSS_FILE
  if (file) writeFileSync(file, String(process.resourceUsage().maxRSS))
})
