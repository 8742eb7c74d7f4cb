package dev.leadbot.routing;

import dev.leadbot.console.ConsoleCommand;
import dev.leadbot.console.OpenDialogs;
import dev.leadbot.console.OwnerChats;
import dev.leadbot.console.OwnerConsole;
import dev.leadbot.console.ProspectDialog;
import dev.leadbot.console.Written;
import dev.leadbot.engine.Input;
import dev.leadbot.engine.Keyboard;
import dev.leadbot.engine.Output;
import dev.leadbot.flow.Flow;
import dev.leadbot.funnel.FunnelEvent;
import dev.leadbot.lead.Lead;
import dev.leadbot.lead.Prospect;
import dev.leadbot.store.Batch;
import dev.leadbot.store.Outgoing;
import dev.leadbot.store.Store;
import dev.leadbot.store.StoreException;
import dev.leadbot.testing.TestClock;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The bot's routing on a real store in a temporary folder, talking to a {@link RecordingChats} port: no HTTP, no Telegram,
 * no thread of its own (the console's and the stats' work runs on the calling thread). Each update is routed, committed,
 * and only then are its effects released, as the update consumer does.
 */
final class RoutedBot implements AutoCloseable {

    static final long OWNER = 1000;
    static final Instant T0 = Instant.parse("2026-11-23T07:00:00Z");

    final Store store;
    final RecordingChats chats = new RecordingChats();
    final TestClock clock = new TestClock(T0);
    final List<Lead> completed = new CopyOnWriteArrayList<>();
    final List<Long> forgotten = new CopyOnWriteArrayList<>();
    final Set<Long> closed = ConcurrentHashMap.newKeySet();
    final LiveFlow live;
    final ChatRouter router;
    private final Flow flow;
    private int updates;

    RoutedBot(Path dir, Flow flow, Path flowFile) throws StoreException {
        this.flow = flow;
        store = Store.open(dir.resolve("leadbot.db"), clock);
        live = new LiveFlow(flow, ZoneOffset.UTC);
        OwnerChats owners = OwnerChats.of(List.of(OWNER));
        FlowReloads reloads = new FlowReloads(flowFile, live, store.conversations(), chats, List.of(OWNER), (file, changed) -> Optional.empty());
        ConsoleChat console = new ConsoleChat(new OwnerConsole(store.leads(), store.ownerMessages(), live::ownersZone),
                new OwnerStats(this::funnel, flow.id(), chats, new Inline(), clock), chats, new Inline(), clock, reloads);
        OpenDialogs dialogs = new OpenDialogs(store.dialogs().open());
        DialogRelay relay = new DialogRelay(new ProspectDialog(owners, dialogs, ProspectDialog.Leads.of(store.leads(), store.ownerMessages())), dialogs, store.dialogs()::open, chats);
        router = new ChatRouter(live, new Conversations(store.conversations()), chats, completed::add, forgotten::add, clock, closed, owners, console,
                relay);
    }

    /** The funnel as the bot reads it for /stats: over a connection of its own. */
    private void funnel(Instant since, Consumer<FunnelEvent> each) throws StoreException {
        try (Store tools = Store.openForTools(store.database(), clock)) {
            tools.funnel().events(since, false, each);
        }
    }

    /** Routes {@code incoming}, commits its batch and releases its effects; returns the replies committed, in order. */
    List<String> route(Incoming incoming) throws StoreException {
        Batch batch = new Batch();
        Effects effects = new Effects();
        router.handle(incoming, batch, effects);
        List<Outgoing> replies = store.commit(flow.id(), batch);
        effects.release();
        return replies.stream().map(Outgoing::payload).toList();
    }

    /** Fires the follow-up timers due by the clock's now, committed; returns the replies committed. */
    List<String> followUps() throws StoreException {
        Batch batch = new Batch();
        Effects effects = new Effects();
        store.followUps().due(clock.instant(), 200).forEach(timer -> router.followUp(timer, batch, effects));
        List<Outgoing> replies = store.commit(flow.id(), batch);
        effects.release();
        return replies.stream().map(Outgoing::payload).toList();
    }

    /** {@code chat} walks the customer's flow to its end as {@code name}, reached on Telegram in the evening; returns the lead. */
    Lead finish(long chat, String name) throws StoreException {
        route(input(chat, new Input.Start(Optional.empty())));
        route(press(chat, "Я владелец бизнеса"));
        route(press(chat, "B2B-компания"));
        route(press(chat, "Квалифицировать входящие заявки"));
        route(press(chat, "Продолжить"));
        route(typed(chat, name));
        route(press(chat, "Напишите мне в Telegram"));
        route(press(chat, "Вечером"));
        return completed.get(completed.size() - 1);
    }

    static Prospect prospect(long chat, String name) {
        return new Prospect(chat, chat, Optional.empty(), name, Optional.empty(), "ru");
    }

    Incoming.FromProspect input(long chat, Input input) {
        return new Incoming.FromProspect(++updates, prospect(chat, "Klient"), input, Optional.empty(),
                Optional.of(new Written(updates, Optional.empty(), Optional.empty(), Optional.empty())));
    }

    Incoming.FromProspect typed(long chat, String text) {
        return new Incoming.FromProspect(++updates, prospect(chat, "Klient"), new Input.Typed(text), Optional.empty(),
                Optional.of(new Written(updates, Optional.of(text), Optional.empty(), Optional.empty())));
    }

    /** A press of the button whose label contains {@code label}, under the question the chat was last asked. */
    Incoming.FromProspect press(long chat, String label) {
        Output.Ask ask = chats.lastAsked(chat);
        Keyboard.Button button = ((Keyboard.Buttons) ask.keyboard()).rows().stream().flatMap(List::stream)
                .filter(b -> b.label().contains(label)).findFirst()
                .orElseThrow(() -> new AssertionError("no button " + label + " under " + ask.text()));
        ++updates;
        return new Incoming.FromProspect(updates, prospect(chat, "Klient"), new Input.Press(ask.step(), ask.node(), button.action()),
                Optional.of("press-" + updates));
    }

    /** An owner command as typed in {@code chat} (an owner's or not). */
    Incoming.OwnerCommand command(long chat, String text) {
        ++updates;
        return new Incoming.OwnerCommand(updates, prospect(chat, "Klient"), text.split(" ")[0], ConsoleCommand.parse(text).orElseThrow(),
                new Written(updates, Optional.of(text), Optional.empty(), Optional.empty()));
    }

    @Override
    public void close() {
        store.close();
    }

    /** Runs each task on the calling thread: what the console decides is recorded by the time the update is routed. */
    private static final class Inline extends AbstractExecutorService {
        private boolean shut;

        @Override
        public void execute(Runnable command) {
            command.run();
        }

        @Override
        public void shutdown() {
            shut = true;
        }

        @Override
        public List<Runnable> shutdownNow() {
            shut = true;
            return List.of();
        }

        @Override
        public boolean isShutdown() {
            return shut;
        }

        @Override
        public boolean isTerminated() {
            return shut;
        }

        @Override
        public boolean awaitTermination(long timeout, TimeUnit unit) {
            return shut;
        }
    }
}
