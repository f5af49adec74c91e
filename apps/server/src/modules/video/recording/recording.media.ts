// Debian's ffprobe and ffmpeg: check that a track is a decodable WebM, and remux it (MediaRecorder
// writes WebM without a duration or cues; `-c copy` adds them without re-encoding).
import { execFile } from 'node:child_process';
import fs from 'node:fs';

export type MediaTools = { ffmpeg: string; ffprobe: string };
export type Probe = { format: string; durationMs: number | null; streams: string[] };

export class MediaToolError extends Error {
  override name = 'MediaToolError';
}

function run(file: string, args: string[], timeoutMs: number): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(file, args, { timeout: timeoutMs, maxBuffer: 4 * 1024 * 1024 }, (err, stdout, stderr) => {
      if (err) {
        const reason = (err as NodeJS.ErrnoException).code === 'ENOENT' ? `${file} is not installed (apt-get install ffmpeg)` : (stderr.trim() || err.message).slice(0, 500);
        return reject(new MediaToolError(reason));
      }
      resolve(stdout);
    });
  });
}

export function createMediaTools(tools: MediaTools) {
  return {
    /** Fails clearly when the tools are missing, before any track is touched. */
    assertInstalled() {
      for (const file of [tools.ffmpeg, tools.ffprobe]) {
        if (!fs.existsSync(file)) throw new MediaToolError(`${file} is not installed (apt-get install ffmpeg)`);
      }
    },

    async probe(file: string): Promise<Probe> {
      const out = await run(tools.ffprobe, ['-v', 'error', '-show_entries', 'format=format_name,duration:stream=codec_type', '-of', 'json', file], 60_000);
      const parsed = JSON.parse(out) as { format?: { format_name?: string; duration?: string }; streams?: { codec_type?: string }[] };
      const seconds = Number(parsed.format?.duration);
      return {
        format: parsed.format?.format_name ?? '',
        durationMs: Number.isFinite(seconds) ? Math.round(seconds * 1000) : null,
        streams: (parsed.streams ?? []).map((s) => s.codec_type ?? 'unknown'),
      };
    },

    /** Copies the streams into a fresh WebM with duration and cues; a damaged input fails. */
    async remux(input: string, output: string): Promise<void> {
      await run(tools.ffmpeg, ['-v', 'error', '-nostdin', '-y', '-i', input, '-map', '0', '-c', 'copy', '-f', 'webm', output], 30 * 60_000);
    },
  };
}

export type MediaToolsApi = ReturnType<typeof createMediaTools>;
