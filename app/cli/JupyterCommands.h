// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "app/cli/RemoteCommands.h"
#include "app/jupyter/JupyterSettings.h"

#include <QString>
#include <QStringList>

#include <optional>

namespace cli {

// Jupyter on a compute node from the command line, through the same session logic as the app
// (app::JupyterSession). Exit statuses: 0 success, 1 the server could not start or the scheduler
// refused (the diagnosis and the end of the job's output are printed), 2 bad usage, 255 no connection.

struct JupyterStartOptions
{
    app::JupyterSettings settings;
    bool stopOnExit = false; // Ctrl+C cancels the job without asking
};

// Submits a server, prints its state as it changes (standard error) and its URL once ready
// (standard output), then keeps the tunnel open until Ctrl+C; then asks whether to stop the job
// (on a terminal; otherwise it keeps running unless stopOnExit).
int jupyterStartCommand(const ConnectionOptions &options, const JupyterStartOptions &start);
// The servers found on the cluster (queued or running): job, state, what they run on.
int jupyterListCommand(const ConnectionOptions &options);
// Attaches to a running server (by job id or session id): prints its URL and keeps the tunnel until Ctrl+C.
int jupyterUrlCommand(const ConnectionOptions &options, const QString &id);
// Cancels a server's job and waits until it has ended.
int jupyterStopCommand(const ConnectionOptions &options, const QString &id);

// --env values: "module:NAME" (repeatable), "conda:NAME", "venv:PATH", "container:IMAGE"; or why not.
std::optional<app::JupyterEnvironment> parseJupyterEnvironment(const QStringList &values, QString *error);

} // namespace cli
