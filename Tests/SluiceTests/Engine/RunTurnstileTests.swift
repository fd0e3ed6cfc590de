import Testing
@testable import Sluice

@Suite struct RunTurnstileTests {
    @Test func filesDecideInRunOrder() async {
        let turnstile = RunTurnstile(order: [4, 2, 7])
        #expect(turnstile.isTurn(of: 4))
        #expect(!turnstile.isTurn(of: 2))
        #expect(turnstile.isTurn(of: 9))  // not read by the run in order (stdin): never waits
        let waiter = Task { await turnstile.waitTurn(file: 7); return turnstile.isTurn(of: 7) }
        turnstile.release(file: 2)  // out of order: 7 still waits for 4
        #expect(!turnstile.isTurn(of: 7))
        turnstile.release(file: 4)
        turnstile.release(file: 4)  // idempotent
        #expect(turnstile.isTurn(of: 2) && turnstile.isTurn(of: 7))
        #expect(await waiter.value)
        await turnstile.waitTurn(file: 4)
    }
}
