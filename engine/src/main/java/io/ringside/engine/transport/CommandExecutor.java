package io.ringside.engine.transport;

import com.lmax.disruptor.EventPoller;

/**
 * Carries out on an {@link IoLoop}'s thread the commands other threads put in its {@link CommandRing}:
 * register a socket, queue a frame, close, pause or resume reading, overflow. Bounded per cycle;
 * a command that throws is reported and costs only its connection. Once the loop has finished, what
 * still arrives is discarded, releasing shared frames and closing sockets. Loop thread only.
 */
final class CommandExecutor implements EventPoller.Handler<LoopCommand> {
    private static final int DRAIN_LIMIT = 4096;

    private final IoLoop loop;
    private final CommandRing commands;
    private int drained;
    private boolean discarding;

    CommandExecutor(IoLoop loop, CommandRing commands) {
        this.loop = loop;
        this.commands = commands;
    }

    /** Executes the published commands, at most {@value #DRAIN_LIMIT}; returns how many. */
    int drain() {
        drained = 0;
        commands.drain(this);
        return drained;
    }

    /** From now on frees what commands hold instead of executing them; empties the ring. */
    void discardRemaining() {
        discarding = true;
        while (!commands.isEmpty()) {
            drain();
        }
    }

    @Override
    public boolean onEvent(LoopCommand command, long sequence, boolean endOfBatch) {
        try {
            if (discarding) {
                discard(command);
            } else {
                execute(command);
            }
        } catch (RuntimeException e) {
            loop.report(command.connection, e);
        } finally {
            command.clear();
        }
        return ++drained < DRAIN_LIMIT;
    }

    private void execute(LoopCommand command) {
        ConnectionHandle connection = command.connection;
        switch (command.kind) {
            case LoopCommand.REGISTER -> loop.accept(command.channel, false);
            case LoopCommand.REGISTER_TLS -> loop.accept(command.channel, true);
            case LoopCommand.SEND, LoopCommand.SEND_LATEST -> connection.sendFromCommand(command.frame,
                    command.shared, command.kind == LoopCommand.SEND_LATEST);
            case LoopCommand.CLOSE -> connection.startClose(command.code, command.reason);
            case LoopCommand.PAUSE, LoopCommand.RESUME -> connection.applyRequestedReading();
            case LoopCommand.OVERFLOW -> connection.overflow();
            default -> throw new IllegalStateException("command " + command.kind);
        }
    }

    private void discard(LoopCommand command) {
        if (command.channel != null) {
            ConnectionHandle.closeQuietly(command.channel);
        }
        if (command.shared != null) {
            command.shared.release();
        } else if (command.kind == LoopCommand.SEND_LATEST && command.frame == null) {
            SharedFrame latest = command.connection.takePendingLatest();
            if (latest != null) {
                latest.release();
            }
        }
    }
}
